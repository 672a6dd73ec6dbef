// The home page, prerendered for signed-out readers (see ../layout.tsx); the page itself is app/[locale].
export * from '@/app/[locale]/page';
export { default } from '@/app/[locale]/page';
