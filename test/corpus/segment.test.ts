/** Contract: segmentSentences splits French text into sentences line by line, with exact offsets, and survives French typography (abbreviations, numbers, « », ellipses, headings). */
import { segmentSentences } from '../../src/corpus';

const texts = (text: string): string[] => segmentSentences(text).map((s) => s.text);

describe('segmentSentences: French edge cases', () => {
  it('splits plain sentences ending in . ! ? with French spacing', () => {
    expect(texts('Le convoi est parti. Est-il arrivé ? Personne ne sait ! Fin.')).toEqual([
      'Le convoi est parti.',
      'Est-il arrivé ?',
      'Personne ne sait !',
      'Fin.',
    ]);
  });

  it('does not split after civility and title abbreviations', () => {
    expect(texts('M. Durand a reçu Mme Lefèvre. MM. Petit et Dr. Morel sont venus. Le général a parlé.')).toEqual([
      'M. Durand a reçu Mme Lefèvre.',
      'MM. Petit et Dr. Morel sont venus.',
      'Le général a parlé.',
    ]);
    expect(texts('Mme. Roux habite St. Malo depuis hier. Voir p. 12 du rapport.')).toEqual([
      'Mme. Roux habite St. Malo depuis hier.',
      'Voir p. 12 du rapport.',
    ]);
  });

  it('keeps "av. J.-C." and initials inside the sentence', () => {
    expect(texts('La cité fut fondée en 300 av. J.-C. et détruite plus tard. Puis vint la paix.')).toEqual([
      'La cité fut fondée en 300 av. J.-C. et détruite plus tard.',
      'Puis vint la paix.',
    ]);
    expect(texts('Selon J. Martin, la frontière est calme. Rien de plus.')).toEqual([
      'Selon J. Martin, la frontière est calme.',
      'Rien de plus.',
    ]);
  });

  it('never splits numbers written with spaces or dots', () => {
    expect(texts('Environ 20 000 hommes et 4.700 camions ont franchi le col, soit 1.5 fois plus. Le reste suivra.')).toEqual([
      'Environ 20 000 hommes et 4.700 camions ont franchi le col, soit 1.5 fois plus.',
      'Le reste suivra.',
    ]);
  });

  it('splits before a sentence that starts with a figure, but not after a list number', () => {
    expect(texts('La visite a duré trois jours. 12 accords ont été signés.')).toEqual([
      'La visite a duré trois jours.',
      '12 accords ont été signés.',
    ]);
    expect(texts('1. Premier point du plan')).toEqual(['Premier point du plan']);
  });

  it('keeps a closing guillemet after the stop with its sentence', () => {
    expect(texts('Le ministre a déclaré : « Nous tiendrons parole. » Ensuite il est reparti.')).toEqual([
      'Le ministre a déclaré : « Nous tiendrons parole. »',
      'Ensuite il est reparti.',
    ]);
  });

  it('does not split inside a short quotation, even with stops inside', () => {
    expect(texts('Il a répondu « Non. Jamais. » devant la presse. Puis il a quitté la salle.')).toEqual([
      'Il a répondu « Non. Jamais. » devant la presse.',
      'Puis il a quitté la salle.',
    ]);
    expect(texts('Elle a crié « Assez ! » et la séance a repris.')).toEqual(['Elle a crié « Assez ! » et la séance a repris.']);
  });

  it('splits inside a quotation too long to be kept whole', () => {
    const long = 'Cette phrase citée est volontairement longue pour dépasser la limite fixée'.repeat(4);
    const out = texts(`Il a dit : « ${long}. Une seconde phrase suit dans la même citation. » Fin du discours.`);
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out[out.length - 1]).toBe('Fin du discours.');
  });

  it('handles ellipses: split before a capital, not before lower case', () => {
    expect(texts('Il attendait… Puis la porte s’ouvrit. Elle hésita... puis entra. Silence... Rien.')).toEqual([
      'Il attendait…',
      'Puis la porte s’ouvrit.',
      'Elle hésita... puis entra.',
      'Silence...',
      'Rien.',
    ]);
  });

  it('makes a heading without final stop its own sentence and never merges lines', () => {
    expect(texts('Les enjeux de la visite\nLe ministre est arrivé lundi.\nsuite en minuscules sur une autre ligne')).toEqual([
      'Les enjeux de la visite',
      'Le ministre est arrivé lundi.',
      'suite en minuscules sur une autre ligne',
    ]);
  });

  it('leaves list bullets out of the sentence', () => {
    expect(texts('- Le premier constat.\n• Le second constat.')).toEqual(['Le premier constat.', 'Le second constat.']);
  });

  it('does not split on dots glued to the next character', () => {
    expect(texts('Le site exemple.org publie les chiffres de l’U.E.A. chaque mois.')).toEqual([
      'Le site exemple.org publie les chiffres de l’U.E.A. chaque mois.',
    ]);
  });

  it('returns nothing for empty or blank text', () => {
    expect(segmentSentences('')).toEqual([]);
    expect(segmentSentences(' \n\n  \n')).toEqual([]);
  });
});

describe('segmentSentences: offsets', () => {
  const sample = [
    'Titre sans point',
    '',
    '  M. Durand a parlé.  Il a dit : « Oui. »   Puis 20 000 soldats… Fin !',
    '- Un point de liste.',
    'Dernière ligne ?',
  ].join('\n');

  it('gives offsets into the text, trimmed, indexed from 0 in order', () => {
    const sentences = segmentSentences(sample);
    expect(sentences.length).toBeGreaterThan(4);
    sentences.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(s.text).toBe(sample.slice(s.start, s.end));
      expect(s.text).toBe(s.text.trim());
      expect(s.text.length).toBeGreaterThan(0);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sentences[i - 1].end);
    });
  });

  it('reports the line each sentence is on', () => {
    const lines = segmentSentences(sample).map((s) => s.line);
    expect(lines[0]).toBe(0);
    expect(lines[lines.length - 1]).toBe(4);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});
