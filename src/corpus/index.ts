/**
 * newsgraph corpus stage: the articles folder → cleaned, segmented articles.
 *
 *   loadCorpus(dir, options)     every article of a folder, with the skipped files and why
 *   readArticle(file, bytes?)    one file
 *   listArticleFiles(dir)        the files of a folder, before they are read (readArticleBytes reads one)
 *   cleanText(text, rules?)      page-noise removal (rules: graph-data/knowledge/noise.json)
 *   segmentSentences(text)       French sentence splitting, line by line
 */
export type { Article, Corpus, LoadCorpusOptions, Sentence, SkippedFile } from './types';
export { DEFAULT_MAX_BYTES, loadCorpus } from './load';
export type { ArticleCandidate } from './files';
export { CorpusFolderError, errnoReason, formatBytes, listArticleFiles, readArticleBytes } from './files';
export type { ReadArticleOptions } from './article';
export { ARTICLE_FORMATS, articleFormat, articleId, NotAnArticleError, readArticle } from './article';
export type { CleanedText, NoiseRules } from './noise';
export { DEFAULT_NOISE_FILE, cleanText, compileNoiseRules, findPublicationDate, findSourceUrl, loadNoiseRules } from './noise';
export type { SegmentOptions, SentenceSpan } from './segment';
export { DEFAULT_ABBREVIATIONS_FILE, MAX_UNSPLIT_QUOTE_CHARS, loadAbbreviations, segmentSentences } from './segment';
export { normalizeLineEnds, normalizeText } from './normalize';
export { classEnd, groupEnd, topAlternatives } from './pattern-source';
export type { DecodedText } from './decode';
export { decodeBytes, UndecodableError } from './decode';
export { htmlToArticle } from './html';
export type { HtmlArticle } from './html';
export { markdownToArticle } from './markdown';
export { normalizeDate, parseDateIn, parsePathDate } from './dates';
export { DEFAULT_LANGUAGES_FILE, detectLanguage, detectWithEld, languageDetectorError, loadFunctionWords, tagLineLanguages, voteLanguage } from './language';
