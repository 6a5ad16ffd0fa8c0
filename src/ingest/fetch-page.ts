import { decodeDocument } from "./decode.js";
import { FetchError } from "./fetch-errors.js";
import { extractMainText } from "./full-text.js";
import type { HostPacer } from "./host-pacer.js";
import { type HttpGetOptions, httpGet } from "./http-get.js";

export type FullText = { body: string; error: null } | { body: null; error: string };

/** An article page's main text, or why there is none; never throws for a page that fails. */
export async function fetchFullText(
  url: string,
  options: HttpGetOptions,
  pacer: HostPacer,
  selector?: string,
): Promise<FullText> {
  try {
    const response = await pacer.run(url, () => httpGet(url, options));
    if (response.kind !== "ok")
      return { body: null, error: "the page answered 304 to a request without validators" };
    const body = extractMainText(
      decodeDocument(response.body, response.contentType).text,
      selector,
    );
    return body
      ? { body, error: null }
      : { body: null, error: "no main text found on the page; the feed's summary is kept" };
  } catch (error) {
    if (error instanceof FetchError)
      return { body: null, error: `${error.reason}: ${error.message}` };
    throw error;
  }
}
