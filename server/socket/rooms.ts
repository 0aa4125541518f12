/** Room names derived on the server from the session, never from anything a client sends. */

/** Every connection of one user: where their private events go. */
export const userRoom = (userId: number) => `user:${userId}`;

/** Every connection of one session: disconnected together when it ends. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
