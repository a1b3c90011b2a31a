import { describe, expectTypeOf, test } from 'vitest';
import {
  createHttpClient,
  type HttpResponse,
  type PageIterator,
  paginate,
  type StandardSchemaV1,
  validateInput,
} from '../src/index.js';

declare const tokenSchema: StandardSchemaV1<{ name: string }, { name: string; id: number }>;
const http = createHttpClient({ baseUrl: 'https://api.example.com' });

describe('types', () => {
  test('request is typed by responseSchema, unknown without one, or by an explicit parameter', () => {
    expectTypeOf(
      http.request({ method: 'GET', path: '/', responseSchema: tokenSchema }),
    ).resolves.toEqualTypeOf<HttpResponse<{ name: string; id: number }>>();
    expectTypeOf(http.request({ method: 'GET', path: '/' })).resolves.toEqualTypeOf<
      HttpResponse<unknown>
    >();
    expectTypeOf(http.request<string[]>({ method: 'GET', path: '/' })).resolves.toEqualTypeOf<
      HttpResponse<string[]>
    >();
  });

  test('validateInput returns the schema output', () => {
    expectTypeOf(validateInput(tokenSchema, {}, 'x')).toEqualTypeOf<{ name: string; id: number }>();
  });

  test('paginate infers item and page types', () => {
    const pages = paginate({
      perPage: 10,
      fetchPage: async () => ({ items: [1, 2], total: 2 }),
      items: (page) => page.items,
    });
    expectTypeOf(pages).toEqualTypeOf<PageIterator<number, { items: number[]; total: number }>>();
  });
});
