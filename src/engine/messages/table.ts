/** One entry of the message table: the same text in every language we ship. */
export interface MessageText {
  zh: string;
  en: string;
}

export type MessageTable = Record<string, MessageText>;
