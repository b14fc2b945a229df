/**
 * Jayway's normalized form of a path (`Path.toString()`), which its messages quote:
 * `$.a.[0].*` is `$['a'][0][*]`, a filter is `[?]`.
 * https://github.com/json-path/JsonPath/blob/master/json-path/src/main/java/com/jayway/jsonpath/internal/path/PropertyPathToken.java (getPathFragment)
 */
import type { PathSegment } from './path-segment';

/** The segments after the root, as Jayway prints them. */
export function renderSegments(segments: readonly PathSegment[]): string {
  return segments.map(renderSegment).join('');
}

function renderSegment(segment: PathSegment): string {
  switch (segment.kind) {
    case 'name':
      return `[${quote(segment.name)}]`;
    case 'names':
      return `[${segment.names.map(quote).join(',')}]`;
    case 'index':
      return `[${segment.index}]`;
    case 'indexes':
      return `[${segment.indexes.join(',')}]`;
    case 'slice':
      return `[${segment.from ?? ''}:${segment.to ?? ''}]`;
    case 'wildcard':
      return '[*]';
    case 'scan':
      return '..';
    case 'filter':
      return '[?]';
    case 'function':
      return `.${segment.text}`;
  }
}

function quote(name: string): string {
  return `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
