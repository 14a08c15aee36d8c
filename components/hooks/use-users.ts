'use client';

import { usersUrl } from '@/lib/api/urls';
import useSWR from 'swr';
import type { UserDto } from '@/lib/api/schemas/access';
import { fetchJson } from './fetch-json';

/** GET /api/v1/users (admins, local mode): read once and again after each change the admin makes. */
export function useUsers() {
  return useSWR<{ users: UserDto[] }, Error>(usersUrl(), fetchJson, { keepPreviousData: true });
}
