/** The tours there are (./article.json, ./beyond.json), apart from their contents: the first view reads these. */
export const TOUR_IDS = ["article", "beyond"] as const;
export type TourId = (typeof TOUR_IDS)[number];

/** Their titles, for the buttons that open them (tours.test.ts holds them to the files). */
export const TOUR_TITLES: Readonly<Record<TourId, string>> = {
  article: "The article's argument",
  beyond: "What the article leaves out",
};

export function isTourId(value: string): value is TourId {
  return (TOUR_IDS as readonly string[]).includes(value);
}
