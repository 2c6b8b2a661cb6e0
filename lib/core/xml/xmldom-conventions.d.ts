// xmldom's own XML Name pattern (`Name (':' Name)?`), used by its SAX reader to accept element and
// attribute names; build.ts applies the same one so that it accepts exactly the names xmldom accepts.
declare module '@xmldom/xmldom/lib/conventions' {
  export const tagNamePattern: RegExp;
}
