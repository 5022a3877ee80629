/** What `docker history` shows in CREATED BY, without the classic builder's shell prefix. */
export const instructionOf = (createdBy: string): string => createdBy.replace(/^\/bin\/sh -c #\(nop\)\s+/, '').replace(/^\/bin\/sh -c /, 'RUN ');
