// Limits of a search, shared by the server and the page.
export const PAGE_SIZE = 10;
export const MAX_PAGE = 100;
/** Counting stops here: the pager never offers a page past MAX_PAGE anyway. */
export const MAX_COUNTED = PAGE_SIZE * MAX_PAGE;
