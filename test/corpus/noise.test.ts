/** Contract: cleanText removes page noise with the generic rules of noise.json (lines, header lines, inline junk, blocks) and reads title, source address and date from what it removes. */
import { cleanText, compileNoiseRules, loadNoiseRules, normalizeText, segmentSentences } from '../../src/corpus';

const clean = (lines: string[]) => cleanText(normalizeText(lines.join('\n')));
const BODY =
  'Le convoi de ravitaillement a traversé la frontière dans la nuit de mardi, escorté par des blindés légers, selon plusieurs témoins interrogés sur place par des journalistes locaux.';

describe('cleanText: page noise', () => {
  it('removes a tooltip fragment glued inside a sentence, and its echoed caption, so the sentence reads as one', () => {
    const out = clean([
      'Le délégué a signé le protocole dans la capitaleplugin-autotooltip__green plugin-autotooltip_bigEncyclo',
      '',
      'Encyclo',
      'de la région où il a retrouvé son homologue.',
    ]);
    expect(out.text).toBe('Le délégué a signé le protocole dans la capitale de la région où il a retrouvé son homologue.');
    expect(segmentSentences(out.text)).toHaveLength(1);
  });

  it('drops wiki and site chrome, menus and comment prompts wherever they are', () => {
    const out = clean([
      'Utilisateur non connecté',
      'Un titre inventé pour le test',
      'Outils pour utilisateurs',
      'Outils du site',
      'Menu',
      BODY,
      'Partager Facebook Twitter',
      'Nous utilisons des cookies pour améliorer votre expérience. Accepter',
      'Tout accepter',
      'Lire aussi : un autre article sans rapport',
      'Your email address will not be published.',
    ]);
    expect(out.text.split('\n').filter(Boolean)).toEqual(['Un titre inventé pour le test', BODY]);
  });

  it('drops a widget block from its start marker to its end marker', () => {
    const out = clean([
      'Un titre inventé pour le test',
      BODY,
      '× iphelper toolbox',
      'Untested',
      'IP Address:',
      'Subnet:',
      'CIDR:',
      'Broadcast address:',
      'La suite de l’article reprend ici après le widget.',
    ]);
    expect(out.text).not.toMatch(/iphelper|Untested|IP Address|CIDR|Broadcast/);
    expect(out.text).toContain('La suite de l’article reprend ici après le widget.');
  });

  it('cuts the foot of the page (comments, related articles) once the article is over', () => {
    const out = clean(['Un titre inventé pour le test', BODY, BODY.replace('mardi', 'mercredi'), 'You may also like', 'Un titre d’un autre article', 'Leave a Comment']);
    expect(out.text).not.toMatch(/You may also like|autre article|Leave a Comment/);
    expect(out.text).toContain('mercredi');
  });

  it('does not cut the article at a foot marker that comes before most of the text', () => {
    const out = clean(['Un titre inventé pour le test', 'Laisser un commentaire', BODY, BODY.replace('mardi', 'jeudi')]);
    expect(out.text).toContain('jeudi');
    expect(out.text).not.toContain('Laisser un commentaire');
  });

  it('still applies the other blocks after a foot marker that came too early', () => {
    const out = clean(['Un titre inventé pour le test', 'Laisser un commentaire', BODY, '× iphelper toolbox', 'CIDR:', 'Broadcast address:', BODY.replace('mardi', 'jeudi')]);
    expect(out.text).not.toMatch(/iphelper|CIDR|Broadcast/);
    expect(out.text).toContain('jeudi');
  });

  it('drops breadcrumbs, bylines, tag lists and reading times in the header, repeated titles and bare URL lines', () => {
    const out = clean([
      'Home Actualité Monde',
      'Un titre inventé pour le test',
      'by Jeanne',
      'Corée du Sud, Japon, Chine',
      '3 min de lecture',
      'https://exemple.org/2024/03/titre-invente',
      'Un titre inventé pour le test',
      BODY,
    ]);
    expect(out.text.split('\n').filter(Boolean)).toEqual(['Un titre inventé pour le test', BODY]);
    expect(out.title).toBe('Un titre inventé pour le test');
    expect(out.url).toBe('https://exemple.org/2024/03/titre-invente');
  });

  it('keeps a comma-separated list of names when it is part of the body, not the header', () => {
    const body = Array.from({ length: 3 }, () => BODY);
    const out = clean(['Un titre inventé pour le test', ...body.map((b, i) => b.replace('mardi', `jour ${i}`)), 'Russie, Chine, Iran']);
    expect(out.text).toContain('Russie, Chine, Iran');
  });

  it('drops a trailing site tag from the title line and wiki path lines', () => {
    const out = clean(['Un titre inventé pour le test. [SiteExemple]', 'wiki:rubrique-2024:03:titre', BODY]);
    expect(out.title).toBe('Un titre inventé pour le test.');
    expect(out.text).not.toContain('wiki:rubrique');
  });

  it('keeps the source address given on a "Source :" line', () => {
    const out = clean(['Un titre inventé pour le test', BODY, '- Source : https://exemple.net/a/b']);
    expect(out.url).toBe('https://exemple.net/a/b');
    expect(out.text).not.toContain('exemple.net');
  });

  it('drops breadcrumb trails, tag lines and related-article links written with other separators', () => {
    const out = clean([
      'Monde › Europe de l’Est',
      'Accueil » Politique » Défense',
      'Un titre inventé pour le test',
      BODY,
      'Lire aussi | Un autre article sans rapport avec celui-ci',
      'Sujets liés : Défense · Diplomatie · Énergie',
    ]);
    expect(out.text.split('\n').filter(Boolean)).toEqual(['Un titre inventé pour le test', BODY]);
  });

  it('keeps a line with a French quotation, even with » and short parts', () => {
    const out = clean(['Un titre inventé pour le test', BODY, '« Non » a répondu le délégué']);
    expect(out.text).toContain('« Non » a répondu le délégué');
  });

  it('drops credits of newsroom, agencies and wire editors, and publisher boilerplate', () => {
    const out = clean([
      'Un titre inventé pour le test',
      'La rédaction avec Reuters',
      'Belga / DPA',
      BODY,
      '(Reportage de Ana Ruiz et Tom Berg ; version française Luc Petit, édité par Zoé Marin)',
      'Nos valeurs : les principes éditoriaux du groupe Exemple.',
    ]);
    expect(out.text.split('\n').filter(Boolean)).toEqual(['Un titre inventé pour le test', BODY]);
  });

  it('drops bylines with a place or post in parentheses, signatures of correspondents and author lines of the header', () => {
    const out = clean([
      'Un titre inventé pour le test',
      'Par Lucie Bernard et Hugo Lenoir (Varsovie, envoyés spéciaux)',
      'Paul Durand, chercheur associé',
      BODY,
      'Lucie Bernard (Berlin, correspondance)',
    ]);
    expect(out.text.split('\n').filter(Boolean)).toEqual(['Un titre inventé pour le test', BODY]);
  });

  it('drops share rows, outlet signatures with their agencies and photo credits glued after a caption', () => {
    const out = clean([
      'Un titre inventé pour le test',
      'Partager sur Facebook Partager sur X Envoyer par e-mail',
      'Le délégué arrive au sommet, le 3 mai 2024. AGENCE NORD via EXEMPLE / Belga',
      BODY,
      'La Gazette du Soir avec AFP et Reuters',
      'ARCHIVES NORD via SUD / DPA',
    ]);
    expect(out.text.split('\n').filter(Boolean)).toEqual(['Un titre inventé pour le test', 'Le délégué arrive au sommet, le 3 mai 2024.', BODY]);
  });

  it('drops the interviewer credit of an interview', () => {
    const out = clean(['Un titre inventé pour le test', 'Propos recueillis par Jeanne Roux', BODY]);
    expect(out.text.split('\n').filter(Boolean)).toEqual(['Un titre inventé pour le test', BODY]);
    expect(clean(['Un titre inventé pour le test', BODY, 'Écrit en prison, ce texte circule depuis mai.']).text).toContain('Écrit en prison');
  });

  it('drops an agency credit that closes a paragraph, keeping the paragraph', () => {
    const out = clean(['Un titre inventé pour le test', `${BODY} (avec AFP et Reuters)`]);
    expect(out.text.split('\n').filter(Boolean)).toEqual(['Un titre inventé pour le test', BODY]);
  });

  it('keeps a sentence that names an agency as its source', () => {
    const line = 'Le convoi est passé avec l’accord de Moscou, selon l’AFP et Reuters.';
    expect(clean(['Un titre inventé pour le test', BODY, line]).text).toContain(line);
  });

  it('keeps a body sentence that opens with a name and a comma', () => {
    const line = 'Paul Durand, chercheur associé, estime que le convoi ne passera pas.';
    expect(clean(['Un titre inventé pour le test', BODY, line]).text).toContain(line);
  });
});

describe('cleanText: publication date', () => {
  it('reads a dateline with a cue', () => {
    expect(clean(['Un titre inventé pour le test', 'Publié le 3 mars 2024 à 10h12', BODY]).date).toBe('2024-03-03');
    expect(clean(['Un titre inventé pour le test', 'Published on March 3, 2024', BODY]).date).toBe('2024-03-03');
  });

  it('drops a date-only line of the header once read', () => {
    const out = clean(['Un titre inventé pour le test', '6 novembre 2025', BODY]);
    expect(out.date).toBe('2025-11-06');
    expect(out.text).toBe(`Un titre inventé pour le test\n${BODY}`);
  });

  it('reads a date-only line of the header (ISO, day-first with / or .)', () => {
    expect(clean(['Un titre inventé pour le test', '2024-03-14', BODY]).date).toBe('2024-03-14');
    expect(clean(['Un titre inventé pour le test', '14/03/2024', BODY]).date).toBe('2024-03-14');
    expect(clean(['Un titre inventé pour le test', '14.03.2024 08:15', BODY]).date).toBe('2024-03-14');
  });

  it('reads year and month from a wiki path or dated address', () => {
    expect(clean(['Un titre inventé pour le test', 'wiki:rubrique-2023:09:titre', BODY]).date).toBe('2023-09');
    expect(clean(['Un titre inventé pour le test', BODY, 'https://exemple.org/news/2023/09/21/titre/']).date).toBe('2023-09-21');
  });

  it('does not take a date written in the body for the publication date', () => {
    expect(clean(['Un titre inventé pour le test', `Le 2 avril 2022, ${BODY}`]).date).toBeUndefined();
  });

  it('rejects impossible dates', () => {
    expect(clean(['Un titre inventé pour le test', '31/02/2024', BODY]).date).toBeUndefined();
  });
});

describe('noise rules', () => {
  it('loads the rules file of graph-data/knowledge with every section compiled', () => {
    const rules = loadNoiseRules();
    expect(rules.lines.length).toBeGreaterThan(10);
    expect(rules.inline.length).toBeGreaterThan(0);
    expect(rules.blocks.length).toBeGreaterThan(0);
    expect(rules.months.get('novembre')).toBe(11);
  });

  it('refuses a rules file with a broken pattern, naming the rule', () => {
    expect(() => compileNoiseRules({ lines: [{ pattern: '(' }] }, 'test.json')).toThrow(/test\.json lines\[0\]: invalid pattern/);
    expect(() => compileNoiseRules({ lines: 'x' }, 'test.json')).toThrow(/test\.json: not a noise-rules file/);
  });

  it('uses the rules it is given: a custom line pattern drops the line', () => {
    const rules = compileNoiseRules({ lines: [{ pattern: '^RUBRIQUE SPÉCIALE$' }] });
    expect(cleanText(`Titre\nRUBRIQUE SPÉCIALE\n${BODY}`, rules).text).toBe(`Titre\n${BODY}`);
  });
});

describe('cleanText: outlet chrome, bylines and credits', () => {
  it('drops navigation rows of short items separated by pipes, but keeps table rows that carry figures', () => {
    const out = clean(['Écouter la radio | Podcasts | Langues', 'Monde | Europe | Info locale', BODY, 'Ministère | 12 mars 2024 | environ 4 000']);
    expect(out.text).toBe(`${BODY}\nMinistère | 12 mars 2024 | environ 4 000`);
  });

  it('drops a byline with the reporter post and a photo credit without a colon', () => {
    const out = clean(['Un titre inventé', 'par Julie Marchand, envoyée spéciale à Tarnopol (Ukraine)', 'Photo Paul Girard pour Le Quotidien', 'Par Marc Léon et Ana Ruiz, correspondants à Bruxelles', BODY]);
    expect(out.text).toBe(`Un titre inventé\n${BODY}`);
  });

  it('keeps a sentence that opens with par and a capital', () => {
    const line = 'Par Moscou, le convoi a rejoint la frontière le lendemain, selon les témoins.';
    expect(clean([BODY, line]).text).toBe(`${BODY}\n${line}`);
  });

  it('drops credit rows, meta rows with a publication date, filing lines and section labels in capitals', () => {
    const out = clean([
      'DÉCRYPTAGE',
      'Un titre inventé',
      'Texte par : Anne Martin',
      'Le Journal du Soir · Publié le 2 mai 2025 à 10h00 · Lecture 4 min.',
      'Posté dans Europe, Asie par Jean Roy le 3 juin 2025',
      'La Gazette du Nord avec AFP. Publié le 28/04/2025 à 07h15, modifié à 09h02',
      'Par le service Documentation',
      BODY,
      'NOTRE VERDICT : PLUTÔT FAUX',
      'Tous droits réservés © Radio Exemple 2024',
      'Cet article vous a été utile ?',
      'Newsletter Info : recevez chaque matin l’essentiel.',
    ]);
    expect(out.text).toBe(`Un titre inventé\n${BODY}`);
  });

  it('drops the related-article list under a heading of its own, and everything after a paywall notice', () => {
    const related = clean([BODY, BODY.replace('mardi', 'jeudi'), 'À lire aussi dans ce dossier', '› Le convoi, étape par étape', '› Qui sont les témoins ?']);
    expect(related.text).not.toMatch(/convoi, étape|témoins \?/);
    const paywall = clean([BODY, BODY.replace('mardi', 'jeudi'), 'Cet article est réservé aux abonnés. Il vous reste 80% à découvrir.', '1. Immobilier : les taux repartent à la baisse']);
    expect(paywall.text).not.toMatch(/abonnés|Immobilier/);
  });
});
