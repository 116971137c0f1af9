/** The largest file the moderators' import page takes; larger ones go through npm run hsds:import. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
