import { notFound } from 'next/navigation';

// Any path under a language that no page matches: the not-found page in that language's layout.
export default function CatchAllNotFound() {
  notFound();
}
