// Minimal typing for the parts of pdfmake 0.3 (server build, js/index.js) that this module uses.
// pdfmake ships no types and @types/pdfmake describes 0.2; the shapes below are read from its source.
declare module 'pdfmake' {
  interface PdfMakeFontFamily {
    normal?: string;
    bold?: string;
    italics?: string;
    bolditalics?: string;
  }

  interface PdfMakeVirtualFs {
    existsSync(filename: string): boolean;
    readFileSync(filename: string): Buffer;
    writeFileSync(filename: string, content: Buffer): void;
  }

  interface PdfMakeOutputDocument {
    getBuffer(): Promise<Buffer>;
  }

  interface PdfMake {
    /** Resolves to the constructor of the exported singleton; used to build a private instance. */
    readonly constructor: new () => PdfMake;
    readonly virtualfs: PdfMakeVirtualFs;
    setFonts(fonts: Record<string, PdfMakeFontFamily>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    createPdf(docDefinition: object, options?: object): PdfMakeOutputDocument;
  }

  const pdfmake: PdfMake;
  export = pdfmake;
}
