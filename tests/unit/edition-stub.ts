// Stands in for the build's virtual module in unit tests; serve-edition.ts answers the fetches.
export const indexUrl = "content/index.json";
export const articleCount = 25;
export const searchUrl = "content/search.json";
export const siteName = "Offprint";
export const commentsUrl = "";
