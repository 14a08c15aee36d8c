import { expect, test, vi } from 'vitest';
import { StoreError } from '@/lib/problems/store-fault';
import { catchApiErrors } from './errors';

const bodyOf = async (response: Response) => ({ status: response.status, body: await response.json() });

test('a handler that answers is passed through', async () => {
  const response = await catchApiErrors(() => Response.json({ ok: true }, { status: 201 }));
  expect(await bodyOf(response)).toEqual({ status: 201, body: { ok: true } });
});

test('the store failing is 503 store_unavailable naming the file and the fix, sync or async', async () => {
  const error = new StoreError(
    { kind: 'disk-full', code: 'SQLITE_FULL', detail: 'database or disk is full' },
    '/data/hapscope.db',
  );
  const expected = {
    status: 503,
    body: {
      error: {
        code: 'store_unavailable',
        message:
          'History store /data/hapscope.db: the disk is full (SQLITE_FULL) — free space on the disk that holds ' +
          '/data (or point DATA_DIR at a larger one); recording resumes by itself',
      },
    },
  };
  expect(
    await bodyOf(
      await catchApiErrors(() => {
        throw error;
      }),
    ),
  ).toEqual(expected);
  expect(await bodyOf(await catchApiErrors(async () => Promise.reject(error)))).toEqual(expected);
});

test('a bug is logged and answered 500 internal_error in JSON, never an empty body', async () => {
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});
  const response = await catchApiErrors(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'servers')");
  });
  expect(await bodyOf(response)).toEqual({
    status: 500,
    body: {
      error: { code: 'internal_error', message: 'hapscope failed to answer; the server log says why' },
    },
  });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(log).toHaveBeenCalledTimes(1);
  log.mockRestore();
});
