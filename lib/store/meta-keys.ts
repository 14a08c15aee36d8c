/** Keys of the `meta` table. */
export const META_GENERATED_UNTIL = 'generated_history_until';
