/** The curator token the curation tests configure. */
export const TOKEN = 'test-curator-token-0123456789';

/** The tests write between requests: check for changes before each one. */
export const CATALOG_REFRESH_FOR_TESTS = 0;

/** POSTs GraphQL with a bearer token (TOKEN unless given; null sends none). */
export function curatorClient(endpoint: string) {
  return {
    async post(
      query: string,
      variables: Record<string, unknown> = {},
      token: string | null = TOKEN,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ): Promise<{ data?: any; errors?: { message: string; extensions?: Record<string, any> }[] }> {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token !== null && { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
  };
}
