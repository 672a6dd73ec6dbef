import type { ReactNode } from 'react';

// The document (<html lang>, header, footer) is app/[locale]/layout.tsx, which knows the language.
// This layout exists because app/not-found.tsx, for paths outside every language, needs one.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
