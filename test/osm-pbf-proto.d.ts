// The generated protocol-buffer codecs that osm-pbf-parser-node ships without types; tests use
// their writers to make small PBF extracts.
type ProtoMessage = { read: (pbf: import('pbf').default, end?: number) => unknown; write: (value: any, pbf: import('pbf').default) => void };
declare module 'osm-pbf-parser-node/proto/fileformat.js' {
  export const Blob: ProtoMessage;
  export const BlobHeader: ProtoMessage;
}
declare module 'osm-pbf-parser-node/proto/osmformat.js' {
  export const HeaderBlock: ProtoMessage;
  export const PrimitiveBlock: ProtoMessage;
}
