/**
 * Adds the HAL keys Losant puts on resources when `_links=true`: `_type` and `_links.self.href`
 * (the device-list example in Losant's REST API overview shows both). No schema declares them,
 * so clients must tolerate them.
 */
export function hal(body: object, type: string, href: string, links: boolean): object {
  return links ? { ...body, _type: type, _links: { self: { href } } } : body;
}
