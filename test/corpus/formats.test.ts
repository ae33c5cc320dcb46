/** Contract: readArticle reads .txt, .md and .html articles in UTF-8 (with or without BOM), UTF-16 or Windows-1252, with CRLF or LF, and gives normalised text, metadata, sentences and a SHA-256 hash. */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { normalizeText, readArticle } from '../../src/corpus';
import { PARAGRAPH } from './helpers';

const read = (file: string, content: string | Buffer) => readArticle(file, Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'));

describe('readArticle: plain text', () => {
  it('gives id, file, title (first line), sentences with offsets and the sha256 of the bytes', () => {
    const content = `Un titre de test\n\n${PARAGRAPH} Une seconde phrase suit.\n`;
    const article = read('dossier/mon-article.txt', content);
    expect(article.id).toBe('mon-article');
    expect(article.file).toBe('mon-article.txt');
    expect(article.title).toBe('Un titre de test');
    expect(article.hash).toBe(createHash('sha256').update(content).digest('hex'));
    expect(article.sentences.map((s) => s.text)).toEqual(['Un titre de test', PARAGRAPH, 'Une seconde phrase suit.']);
    for (const s of article.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('tags the language of each line (French, German, English)', () => {
    const article = read(
      'langues.txt',
      [
        'La Corée du Nord a envoyé des troupes supplémentaires vers la région frontalière cette semaine.',
        'Nordkorea hat in dieser Woche zusätzliche Truppen in die Grenzregion geschickt.',
        'North Korea sent additional troops to the border region this week, officials said.',
      ].join('\n'),
    );
    expect(article.sentences.map((s) => s.language)).toEqual(['fr', 'de', 'en']);
  });

  it('asks eld about lines the function-word vote cannot settle, and gives short headings the article language', () => {
    const article = read(
      'mixte.txt',
      [
        'Offensive russe en Ukraine',
        'La Corée du Nord a envoyé des troupes supplémentaires vers la région frontalière cette semaine.',
        'Los militares norcoreanos llegaron a la región fronteriza rusa según fuentes ucranianas.',
      ].join('\n'),
    );
    expect(article.sentences.map((s) => s.language)).toEqual(['fr', 'fr', 'es']);
  });
});

describe('readArticle: encodings and line ends', () => {
  const text = `Un été à Sénégal\n${PARAGRAPH}\n« Déjà vu », a-t-il ajouté.`;

  it('reads Windows-1252 bytes (é as 0xE9) correctly, with a note', () => {
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.includes(0xe9)).toBe(true);
    const article = read('ancien.txt', bytes);
    expect(article.text).toBe(normalizeText(text));
    expect(article.notes.join(' ')).toMatch(/windows-1252/);
  });

  it('reads Windows-1252 curly quotes (0x92, 0x93) as curly quotes', () => {
    const article = read('guillemets.txt', Buffer.concat([Buffer.from('L'), Buffer.from([0x92]), Buffer.from('arm'), Buffer.from([0xe9, 0x65, 0x20, 0x93, 0x61, 0x94, 0x2e])]));
    expect(article.text).toBe('L’armée “a”.');
  });

  it('removes a UTF-8 byte-order mark', () => {
    const article = read('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(article.text.charCodeAt(0)).toBe('U'.charCodeAt(0));
    expect(article.title).toBe('Un été à Sénégal');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const article = read('seize.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(article.text).toBe(normalizeText(text));
  });

  it('turns CRLF and CR line ends into LF', () => {
    const article = read('crlf.txt', text.replace(/\n/g, '\r\n'));
    expect(article.text).not.toMatch(/\r/);
    expect(article.text).toBe(read('lf.txt', text).text);
    expect(read('cr.txt', text.replace(/\n/g, '\r')).text).toBe(article.text);
  });

  it('normalises to NFC, turns no-break and thin spaces into spaces, removes zero-width characters, keeps guillemets', () => {
    const decomposed = 'Le\u00a0ministre a dit\u202f: «\u2009Cor\u0065\u0301e\u200b du Nord\u00a0»  ensuite.';
    expect(normalizeText(decomposed)).toBe('Le ministre a dit : « Corée du Nord » ensuite.');
  });
});

describe('readArticle: Markdown', () => {
  it('reads front matter for metadata and strips heading, emphasis and link syntax', () => {
    const md = [
      '---',
      'title: "Un titre en front matter"',
      'date: 2024-05-02',
      'url: https://exemple.org/md',
      '---',
      '# Un titre en front matter',
      '',
      `Le **ministre** a parlé avec [l’ambassadeur](https://exemple.org/amb). ${PARAGRAPH}`,
      '![une image](img.png)',
    ].join('\n');
    const article = read('note.md', md);
    expect(article.title).toBe('Un titre en front matter');
    expect(article.date).toBe('2024-05-02');
    expect(article.url).toBe('https://exemple.org/md');
    expect(article.text).toContain('Le ministre a parlé avec l’ambassadeur.');
    expect(article.text).not.toMatch(/\*\*|\]\(|^#|img\.png|---/m);
  });
});

describe('readArticle: HTML', () => {
  const page = `<!doctype html><html><head>
    <title>Titre de la page | Site</title>
    <meta property="og:title" content="Titre de l’article">
    <meta property="article:published_time" content="2024-04-09T08:30:00+02:00">
    <link rel="canonical" href="https://exemple.org/article-html">
    <style>.x { color: red } body::after { content: "STYLE" }</style>
    <script>var leak = "SCRIPT"; document.write("SCRIPT")</script>
  </head><body>
    <header><nav><a href="/">Accueil</a> <a href="/monde">NAVIGATION</a></nav></header>
    <aside>ASIDE encadré publicitaire</aside>
    <article>
      <h1>Titre de l’article</h1>
      <p>${PARAGRAPH}</p>
      <p>Le traité &laquo;&nbsp;d’amitié&nbsp;&raquo; a été signé &amp; ratifié.<br>Une ligne après un saut.</p>
      <form><input value="FORM"><button>FORMULAIRE</button></form>
      <noscript>NOSCRIPT</noscript>
    </article>
    <footer>FOOTER © 2024</footer>
  </body></html>`;

  it('keeps only the article body: no script, style, nav, header, aside, form or footer text', () => {
    const article = read('page.html', page);
    expect(article.text).not.toMatch(/SCRIPT|STYLE|NAVIGATION|ASIDE|FORM|FOOTER|NOSCRIPT|color: red/);
    expect(article.text).toContain(PARAGRAPH);
  });

  it('turns block elements and <br> into line breaks and decodes entities', () => {
    const article = read('page.htm', page);
    const lines = article.text.split('\n');
    expect(lines).toContain('Le traité « d’amitié » a été signé & ratifié.');
    expect(lines).toContain('Une ligne après un saut.');
  });

  it('reads title, date and address from the page metadata', () => {
    const article = read('page.html', page);
    expect(article.title).toBe('Titre de l’article');
    expect(article.date).toBe('2024-04-09');
    expect(article.url).toBe('https://exemple.org/article-html');
    expect(article.sentences[0].text).toBe('Titre de l’article');
    expect(article.text.match(/Titre de l’article/g)).toHaveLength(1);
  });

  it('reads the publication date from schema.org structured data or a <time datetime> when no meta tag gives it', () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-12-01T09:00:00Z"}</script>';
    expect(read('ld.html', `<html><head>${jsonLd}</head><body><p>${PARAGRAPH}</p></body></html>`).date).toBe('2023-12-01');
    expect(read('time.html', `<html><body><time datetime="2022-02-24">24 février</time><p>${PARAGRAPH}</p></body></html>`).date).toBe('2022-02-24');
  });

  it('reads the body of a page without <article>, still skipping navigation', () => {
    const article = read('simple.html', `<html><body><nav>NAVIGATION</nav><div><p>${PARAGRAPH}</p></div><p>Fin de page.</p></body></html>`);
    expect(article.text).toBe(`${PARAGRAPH}\nFin de page.`);
  });

  it('takes the longest <article> when the page also has teaser cards', () => {
    const teaser = '<article><p>Une carte courte vers un autre article.</p></article>';
    const article = read('cartes.html', `<html><body>${teaser}<article><p>${PARAGRAPH}</p><p>${PARAGRAPH.replace('mardi', 'jeudi')}</p></article>${teaser}</body></html>`);
    expect(article.text).not.toContain('carte courte');
    expect(article.text).toContain('jeudi');
  });

  it('survives malformed HTML', () => {
    const article = read('casse.html', `<html><body><p>${PARAGRAPH}<div><span>Texte non fermé<p>Encore`);
    expect(article.text).toContain(PARAGRAPH);
    expect(article.text).toContain('Encore');
  });
});
