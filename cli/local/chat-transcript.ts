/** How a terminal shows the bot's messages: text as is, response-card buttons as numbered choices the next line can pick by number. */

/** A Lex message as POST /api/chat returns it. */
export type ChatMessage = {
  contentType: string;
  content?: string;
  imageResponseCard?: { title?: string; buttons?: { text: string; value: string }[] };
};

/** Writes messages through `write` and remembers the last choices. */
export function chatTranscript(write: (line: string) => void) {
  let choices: string[] = [];
  return {
    /** Prints the bot's messages; buttons are numbered across cards. */
    show(messages: readonly ChatMessage[]): void {
      choices = [];
      for (const message of messages) {
        if (message.contentType === 'ImageResponseCard' && message.imageResponseCard) {
          const card = message.imageResponseCard;
          const numbered = (card.buttons ?? []).map((button) => `[${choices.push(button.value)}] ${button.text}`);
          write(`     ${card.title ? `${card.title}: ` : ''}${numbered.join('  ')}`);
        } else if (message.content) {
          write(
            message.content
              .split('\n')
              .map((line, index) => (index === 0 ? `bot> ${line}` : `     ${line}`))
              .join('\n'),
          );
        }
      }
    },
    /** The text to send: a choice's value when the line is its number, the line otherwise. */
    expand(line: string): string {
      const picked = /^\d+$/.test(line) ? choices[Number(line) - 1] : undefined;
      if (picked === undefined) return line;
      write(`     (${picked})`);
      return picked;
    },
  };
}
