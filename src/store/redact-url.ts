/** A server URL as it may be shown or logged: the password (and user) replaced by ***. */
export function withoutPassword(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
