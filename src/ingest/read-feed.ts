import type { FeedConfig } from "../config/index.js";
import { type Decoded, decodeDocument } from "./decode.js";
import { FetchError } from "./fetch-errors.js";
import { parseHtmlList } from "./html-source.js";
import { type ParsedFeed, parseFeed } from "./parse.js";

export interface ReadFeed extends ParsedFeed {
  encoding: string;
  encodingSource: Decoded["source"];
  /** Byte sequences not valid in the declared charset, read as U+FFFD. */
  replaced: number;
}

/** NUL bytes in the head of a document with no UTF-16 byte order mark: no feed is written so. */
function isBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !utf16 && head.includes(0);
}

/**
 * Bytes of a feed document to items: decoded by its declared or detected charset, then parsed
 * as a feed, or as an HTML list page when the source has selectors and is of type html.
 */
export async function readFeed(
  bytes: Buffer,
  contentType: string | null,
  baseUrl: string | undefined,
  source?: Pick<FeedConfig, "type" | "selectors">,
): Promise<ReadFeed> {
  if (isBinary(bytes))
    throw new FetchError("parse", "not a feed: binary data (NUL bytes), not a text document");
  const decoded = decodeDocument(bytes, contentType);
  const parsed =
    source?.type === "html" && source.selectors
      ? parseHtmlList(decoded.text, baseUrl, source.selectors)
      : await parseFeed(decoded.text, baseUrl);
  return {
    ...parsed,
    encoding: decoded.encoding,
    encodingSource: decoded.source,
    replaced: decoded.replaced,
  };
}
