// Read from disk (the unpacked build/site.zip, file://), a browser forbids the search page to
// fetch the other pages for its snippets: list the matching pages without snippets there.
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
}
