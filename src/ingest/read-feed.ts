import type { FeedConfig } from "../config/index.js";
import { type Decoded, decodeDocument } from "./decode.js";
import { parseHtmlList } from "./html-source.js";
import { type ParsedFeed, parseFeed } from "./parse.js";

export interface ReadFeed extends ParsedFeed {
  encoding: string;
  encodingSource: Decoded["source"];
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
  const decoded = decodeDocument(bytes, contentType);
  const parsed =
    source?.type === "html" && source.selectors
      ? parseHtmlList(decoded.text, baseUrl, source.selectors)
      : await parseFeed(decoded.text, baseUrl);
  return { ...parsed, encoding: decoded.encoding, encodingSource: decoded.source };
}
