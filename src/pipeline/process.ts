/**
 * One file's bytes → its Article and ArticleExtraction, or the reason it is
 * skipped. The same function runs on the main thread and in the workers, so
 * both give the same result.
 */
import type { Article, ReadArticleOptions } from '../corpus';
import { NotAnArticleError, readArticle } from '../corpus';
import type { ArticleExtraction, Extractor } from '../extract';
import { errnoReason } from '../corpus';

/** What became of one file. */
export type FileOutcome = { article: Article; extraction: ArticleExtraction } | { skip: string };

/** A file to read and extract, with its bytes already read (and hashed) by the caller. */
export interface WorkItem {
  absolute: string;
  relative: string;
  bytes: Uint8Array;
}

/** Cleans, segments and extracts one article; NotAnArticleError and file errors become skip reasons, anything else is thrown. */
export function readAndExtract(item: WorkItem, readOptions: ReadArticleOptions, extractor: Extractor): FileOutcome {
  let article: Article;
  try {
    const bytes = Buffer.isBuffer(item.bytes) ? item.bytes : Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength);
    article = readArticle(item.absolute, bytes, { ...readOptions, relativePath: item.relative });
  } catch (error) {
    if (error instanceof NotAnArticleError) return { skip: error.reason };
    if ((error as NodeJS.ErrnoException).code) return { skip: errnoReason(error) };
    throw error;
  }
  return { article, extraction: extractor.extract(article) };
}
