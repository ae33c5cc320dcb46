/**
 * Pins the claim functions: French numbers in every press form, units, dates
 * (absolute and relative to the publication date), attribution and status —
 * unit-tested directly, then through findRelations.
 */
import type { SentenceMention } from '../../src/extract/claims';
import { classifyStatus, findAttribution, findDates, findQuantities, fold, getClaimLexicon, parseDigits, parseNumberWords } from '../../src/extract/claims';
import { findRelations } from '../../src/extract/relations';
import { makeArticle, makeKb } from './relations-fixtures';

const kb = makeKb();
const lex = getClaimLexicon(kb);

function firstQuantity(text: string) {
  return findQuantities(text, lex).find((q) => !q.dateLike);
}

function mention(text: string, surface: string, entityId: string, type: SentenceMention['type'], label = surface): SentenceMention {
  const start = text.indexOf(surface);
  return { entityId, type, label, start, end: start + surface.length, surface, demonym: /^[a-zé]/.test(surface) };
}

function statusOf(text: string, trigger: string, mentions: SentenceMention[] = []) {
  const start = fold(text).indexOf(fold(trigger));
  return classifyStatus(text, { start, end: start + trigger.length }, lex, findAttribution(text, mentions, lex));
}

describe('quantities', () => {
  test.each([
    ['Elle aurait livré 20 000 obus.', 20000, 'obus'],
    ['Elle aurait livré 20\u00a0000 obus.', 20000, 'obus'],
    ['Elle aurait livré 20\u202f000 obus.', 20000, 'obus'],
    ['On parle de 4.700 conteneurs.', 4700, 'conteneurs'],
    ['Plus de 5 millions d’obus ont été tirés.', 5000000, 'obus'],
    ['Quelque 1,5 million de munitions manquent.', 1500000, 'munitions'],
    ['Plus de 10 000 soldats sont arrivés.', 10000, 'soldats'],
    ['Environ 11 000 militaires attendent.', 11000, 'militaires'],
    ['Deux soldats ont déserté.', 2, 'soldats'],
    ['Trois mille travailleurs sont partis.', 3000, 'travailleurs'],
    ['Vingt-cinq missiles ont été tirés.', 25, 'missiles'],
    ['Un soldat blessé a été capturé, puis 300 soldat de plus.', 300, 'soldats'],
  ])('%s → %d %s', (text, value, unit) => {
    const q = findQuantities(text, lex).find((x) => x.unit);
    expect(q).toMatchObject({ value, unit });
  });

  test.each([
    ["Berne estime que plus de 4'500 soldats sont partis.", 4500, 'soldats'],
    ['Berne estime que plus de 4’500 soldats sont partis.', 4500, 'soldats'],
    ["Le ministère parle d'« environ 7 000 » soldats.", 7000, 'soldats'],
    ["L'armée a reçu une centaine de drones.", 100, 'drones'],
    ["Un millier d'obus a été saisi.", 1000, 'obus'],
    ['Une vingtaine de missiles sont partis.', 20, 'missiles'],
  ])('Swiss separators, quoted numbers and collective nouns: %s → %d %s', (text, value, unit) => {
    expect(findQuantities(text, lex).find((x) => x.unit)).toMatchObject({ value, unit });
  });

  test('a bare number borrows the unit of a range or of the figure it is part of', () => {
    expect(findQuantities('On compte entre 4 000 et 6 000 soldats.', lex).map((q) => [q.value, q.unit])).toEqual([[4000, 'soldats'], [6000, 'soldats']]);
    expect(findQuantities('De 300 à 400 obus par jour.', lex).map((q) => [q.value, q.unit])).toEqual([[300, 'obus'], [400, 'obus']]);
    const parts = findQuantities('Quelque 9 000 soldats, dont environ 2 500 arrivés hier, attendent.', lex);
    expect(parts.map((q) => [q.value, q.unit, q.partitive ?? false])).toEqual([[9000, 'soldats', false], [2500, 'soldats', true]]);
  });

  test('"des centaines" stays vague; a number glued to letters is not read', () => {
    expect(firstQuantity('Des dizaines de drones ont été abattus.')).toBeUndefined();
    expect(findQuantities("Plusieurs centaines d'obus.", lex)).toEqual([]);
  });

  test('vague amounts and bare scale words give no number', () => {
    expect(firstQuantity('Des milliers de soldats sont arrivés.')).toBeUndefined();
    expect(firstQuantity('Des centaines de missiles ont été tirés.')).toBeUndefined();
  });

  test('years and days of dates are flagged, not counted', () => {
    const qs = findQuantities('Le 6 novembre 2025, la délégation est arrivée.', lex);
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.every((q) => q.dateLike)).toBe(true);
  });

  test('the unit class is the one of the noun', () => {
    expect(findQuantities('1 200 soldats tués', lex)[0].unitClass).toBe('troops');
    expect(findQuantities('300 obus', lex)[0].unitClass).toBe('arms');
  });

  test('digits and number words parse on their own', () => {
    expect(parseDigits('12 500')).toBe(12500);
    expect(parseDigits('3.200')).toBe(3200);
    expect(parseDigits('2,5')).toBe(2.5);
    expect(parseNumberWords('quatre-vingt-dix', lex)).toBe(90);
    expect(parseNumberWords('deux cents', lex)).toBe(200);
    expect(parseNumberWords('cinq millions', lex)).toBe(5000000);
    expect(parseNumberWords('bonjour', lex)).toBeUndefined();
  });
});

describe('dates', () => {
  const iso = (text: string, articleDate?: string) => findDates(text, articleDate).map((d) => d.iso);
  test('absolute forms keep the precision of the text', () => {
    expect(iso('Le traité a été conclu en juin 2024.')).toEqual(['2024-06']);
    expect(iso('La rencontre a eu lieu le 6 novembre 2025 à Minsk.')).toEqual(['2025-11-06']);
    expect(iso('Le 1er mars 2023, ils sont partis.')).toEqual(['2023-03-01']);
    expect(iso("Ils auront livré 1 000 obus d'ici octobre 2024.")).toEqual(['2024-10']);
    expect(iso('Cela dure depuis 2023.')).toEqual(['2023']);
    expect(iso('Les livraisons ont commencé en 2022.')).toEqual(['2022']);
  });
  test('relative forms resolve against the publication date', () => {
    expect(iso('Ce mois-ci, le parlement a voté.', '2024-11-20')).toEqual(['2024-11']);
    expect(iso('Hier, le ministre est arrivé.', '2024-03-01')).toEqual(['2024-02-29']);
    expect(iso('La semaine dernière, deux navires sont partis.', '2024-11-03')).toEqual(['2024-10']);
    expect(iso("L'accord signé l'année dernière tient.", '2025-02-10')).toEqual(['2024']);
    expect(iso('Il a parlé lundi dernier.', '2025-01-15')).toEqual(['2025-01-13']);
  });
  test('a month without its year takes the publication year, or the year before when it is still to come', () => {
    expect(iso('Le traité a été signé en juin.', '2024-12-05')).toEqual(['2024-06']);
    expect(iso('Le traité a été signé en novembre.', '2025-02-05')).toEqual(['2024-11']);
  });
  test('relative forms are omitted when the publication date is unknown', () => {
    expect(iso('Hier, ce mois-ci, en juin, la semaine dernière.')).toEqual([]);
  });
});

describe('attribution', () => {
  test('"selon" names the entity when one follows, the phrase otherwise', () => {
    const text = 'Le pays aurait livré des obus, selon le NIS.';
    expect(findAttribution(text, [mention(text, 'NIS', 'nis', 'Organization')], lex)?.source).toBe('NIS');
    expect(findAttribution('Il aurait livré des obus, selon les médias d’État.', [], lex)?.source).toBe('médias d’État');
    const sk = 'Il a livré des obus, selon un haut responsable sud-coréen.';
    expect(findAttribution(sk, [mention(sk, 'sud-coréen', 'kr', 'Country')], lex)?.source).toBe('haut responsable sud-coréen');
    expect(findAttribution("D'après les renseignements ukrainiens, 500 soldats sont partis.", [], lex)?.source).toBe('renseignements ukrainiens');
  });
  test('a speaker before or after a speech verb', () => {
    const before = 'Le ministre Ali Karimi a déclaré que 300 soldats étaient partis.';
    expect(findAttribution(before, [mention(before, 'Ali Karimi', 'karimi', 'Person')], lex)?.source).toBe('Ali Karimi');
    const after = '« Ils sont partis », a déclaré Karimi devant la presse.';
    expect(findAttribution(after, [mention(after, 'Karimi', 'karimi', 'Person', 'Ali Karimi')], lex)?.source).toBe('Ali Karimi');
    const phrase = 'Des responsables iraniens alléguant que 300 soldats étaient partis, la presse enquête.';
    expect(findAttribution(phrase, [mention(phrase, 'iraniens', 'ir', 'Country')], lex)?.source).toBe('responsables iraniens');
  });
  test('no source, no attribution', () => {
    expect(findAttribution("L'Iran a livré des obus à la Biélorussie.", [], lex)).toBeUndefined();
  });
});

describe('status', () => {
  test.each([
    ["L'Iran dément avoir livré des obus à la Biélorussie.", 'livré', 'denied'],
    ['Minsk rejette la présence de soldats iraniens comme une rumeur.', 'présence', 'denied'],
    ["L'Iran n'a pas livré d'obus.", 'livré', 'denied'],
    ["L'Iran pourrait livrer des obus.", 'livrer', 'planned'],
    ["L'Iran envisage de livrer des obus.", 'livrer', 'planned'],
    ["L'Iran prévoit l'envoi de soldats.", 'envoi', 'planned'],
    ["L'Iran va livrer des obus.", 'livrer', 'planned'],
    ["L'Iran livrera des obus en mai.", 'livrera', 'planned'],
    ["Le projet de livraison d'obus avance.", 'livraison', 'planned'],
    ["Ils ont annoncé qu'ils enverraient 500 soldats.", 'enverraient', 'planned'],
    ["L'Iran aurait livré des obus.", 'livré', 'reported'],
    ["Selon Minsk, l'Iran a livré des obus.", 'livré', 'reported'],
    ["L'Iran fournirait des obus.", 'fournirait', 'reported'],
    ["Des experts estiment que l'Iran a livré des obus.", 'livré', 'reported'],
    ["L'Iran a livré des obus à la Biélorussie.", 'livré', 'asserted'],
  ])('%s → %s', (text, trigger, status) => {
    expect(statusOf(text, trigger)).toBe(status);
  });

  test.each([
    ["Minsk n'a pas démenti que l'Iran a livré des obus.", 'livré', 'asserted'],
    ["L'Iran aurait livré des obus, ce qui n'a pas pu être vérifié.", 'livré', 'reported'],
    ["Le président n'a pas exclu de livrer des obus à Minsk.", 'livrer', 'planned'],
    ["Minsk qualifie de « fausses nouvelles » la présence de soldats iraniens.", 'présence', 'denied'],
    ["Téhéran juge « absurdes » les accusations de livraisons d'obus.", 'livraisons', 'denied'],
    ["Le ministère évoque l'envoi prévu de 500 ouvriers.", 'envoi', 'planned'],
    ["Minsk négocie l'achat d'obus iraniens.", 'achat', 'planned'],
    ["Le rapport évoque des livraisons d'obus.", 'livraisons', 'reported'],
  ])('negations that deny nothing, denials by qualification, planned nouns: %s → %s', (text, trigger, status) => {
    expect(statusOf(text, trigger)).toBe(status);
  });

  test('a modal governs only a nearby trigger, not a gerund adjunct', () => {
    expect(statusOf("Ce que l'Iran pourrait gagner en envoyant 500 soldats reste flou.", 'envoyant')).not.toBe('planned');
  });

  test('a speech verb after the trigger does not make it reported', () => {
    expect(statusOf("Ali Karimi a visité Minsk et déclaré qu'il reviendrait.", 'visité')).toBe('asserted');
  });
});

describe('claims through findRelations', () => {
  test('quote, quantity, unit, date, source and status land on the claim', () => {
    const sentence = "Selon le renseignement biélorusse, l'Iran aurait envoyé environ 3 000 soldats en Biélorussie en mars 2024.";
    const { article, mentions, entities } = makeArticle([sentence], [['biélorusse', 'by', 'Country'], ['Iran', 'ir', 'Country'], ['Biélorussie', 'by', 'Country']], { id: 'doc_x' });
    const rel = findRelations(article, mentions, entities, kb).find((r) => r.type === 'DEPLOYED_TROOPS_TO');
    expect(rel?.claim).toEqual({ doc: 'doc_x', sentence: 0, quote: sentence, quantity: 3000, unit: 'soldats', date: '2024-03', attributedTo: 'renseignement biélorusse', status: 'reported' });
  });

  test('two numbers in one frame are two claims; a number of another unit class is not taken', () => {
    const sentence = "L'Iran a livré à la Biélorussie 800 conteneurs, dont 40 000 obus, avec 12 instructeurs.";
    const { article, mentions, entities } = makeArticle([sentence], [['Iran', 'ir', 'Country'], ['Biélorussie', 'by', 'Country']]);
    const supply = findRelations(article, mentions, entities, kb).filter((r) => r.type === 'SUPPLIED_ARMS_TO');
    expect(supply.map((r) => r.claim.quantity).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([800, 40000]);
  });

  test('a part introduced by "dont" is the figure of a trigger after it, and not another figure of a trigger before it', () => {
    const after = "Quelque 9 000 soldats iraniens, dont environ 2 500 ont été déployés à Gomel, attendent.";
    const one = makeArticle([after], [['iraniens', 'ir', 'Country'], ['Gomel', 'gomel', 'Place']]);
    const toGomel = findRelations(one.article, one.mentions, one.entities, kb).filter((r) => r.type === 'DEPLOYED_TROOPS_TO' && r.object === 'gomel');
    expect(toGomel.map((r) => r.claim.quantity)).toEqual([2500]);
    const before = "L'Iran a envoyé 6 000 hommes en Biélorussie, dont 300 officiers et deux généraux.";
    const two = makeArticle([before], [['Iran', 'ir', 'Country'], ['Biélorussie', 'by', 'Country']]);
    const sent = findRelations(two.article, two.mentions, two.entities, kb).filter((r) => r.type === 'DEPLOYED_TROOPS_TO');
    expect(sent.map((r) => r.claim.quantity)).toEqual([6000]);
  });

  test('a bare claim of another status survives next to a claim with a number', () => {
    const sentence = "L'Iran pourrait envoyer d'autres renforts en Biélorussie, en plus des 4 000 soldats déjà déployés.";
    const { article, mentions, entities } = makeArticle([sentence], [['Iran', 'ir', 'Country'], ['Biélorussie', 'by', 'Country']]);
    const claims = findRelations(article, mentions, entities, kb).filter((r) => r.type === 'DEPLOYED_TROOPS_TO').map((r) => r.claim);
    expect(claims.map((c) => c.status)).toContain('planned');
  });

  test('a relative date resolves against the article date on the claim', () => {
    const sentence = "Ce mois-ci, l'Iran a ratifié l'accord de Téhéran.";
    const { article, mentions, entities } = makeArticle([sentence], [['Iran', 'ir', 'Country'], ['accord de Téhéran', 't', 'Treaty']], { date: '2024-11-20' });
    expect(findRelations(article, mentions, entities, kb).find((r) => r.type === 'RATIFIED')?.claim.date).toBe('2024-11');
  });
});

describe('attribution phrases', () => {
  test('a person after a long title is the named source', () => {
    const text = "Selon le secrétaire biélorusse à la Défense Ivan Petrov, 300 obus sont partis.";
    expect(findAttribution(text, [mention(text, 'biélorusse', 'by', 'Country'), mention(text, 'Ivan Petrov', 'petrov', 'Person')], lex)?.source).toBe('Ivan Petrov');
  });

  test('a subject phrase keeps its nouns and drops the auxiliary before the speech verb', () => {
    expect(findAttribution("L'agence de renseignement a également indiqué que 300 obus étaient partis.", [], lex)?.source).toBe('agence de renseignement');
    expect(findAttribution("Des sources de renseignement estiment qu'environ 300 soldats sont partis.", [], lex)?.source).toBe('sources de renseignement');
  });
});
