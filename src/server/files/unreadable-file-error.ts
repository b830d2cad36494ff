/** A file that is not of the kind it should be, or is broken: the message says what is wrong with it. */
export class UnreadableFileError extends Error {}
