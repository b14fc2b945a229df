/**
 * The chat beside every page: the bot's messages, its choices as buttons, run ids linked to their
 * run page. Talks to POST /api/chat as the signed-in user; the conversation lasts for the tab.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/api-client';
import { hrefOf } from '../use-route';

type LexMessage = {
  contentType: string;
  content?: string;
  imageResponseCard?: { title?: string; buttons?: { text: string; value: string }[] };
};
type Line = { from: 'you' | 'bot'; text: string; buttons?: { text: string; value: string }[] };

const CONVERSATION_KEY = 'statecraft.conversation';
const RUN_ID = /\b(r-[0-9a-f]{6})\b/g;

export function ChatPanel() {
  const [open, setOpen] = useState(false);
  const [lines, setLines] = useState<Line[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // A block body: newer Chromium returns a promise from scrollIntoView, which React would take for a cleanup.
    void end.current?.scrollIntoView({ block: 'end' });
  }, [lines]);

  const send = async (said: string) => {
    if (!said.trim() || busy) return;
    setLines((current) => [...current, { from: 'you', text: said }]);
    setText('');
    setBusy(true);
    try {
      const conversationId = sessionStorage.getItem(CONVERSATION_KEY) ?? undefined;
      const turn = await api<{ conversationId: string; messages: LexMessage[] }>('/api/chat', {
        method: 'POST',
        body: { text: said, ...(conversationId ? { conversationId } : {}) },
      });
      sessionStorage.setItem(CONVERSATION_KEY, turn.conversationId);
      const texts = turn.messages.filter((message) => message.content).map((message) => message.content ?? '');
      const buttons = turn.messages.flatMap((message) => message.imageResponseCard?.buttons ?? []);
      setLines((current) => [...current, { from: 'bot', text: texts.join('\n'), buttons }]);
    } catch (error) {
      setLines((current) => [...current, { from: 'bot', text: error instanceof ApiError ? error.message : String(error) }]);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(text);
  };

  if (!open) {
    return (
      <button type="button" className="chat-toggle primary" onClick={() => setOpen(true)} aria-expanded={false}>
        Chat
      </button>
    );
  }
  return (
    <aside className="chat" aria-label="Chat with the bot">
      <div className="chat-head">
        <h2>Chat</h2>
        <button type="button" onClick={() => setOpen(false)} aria-expanded={true} aria-label="Close the chat">
          ×
        </button>
      </div>
      <ol className="chat-lines" aria-live="polite">
        {lines.length === 0 && <li className="muted">Ask me to start, check, stop or approve runs. Try "help".</li>}
        {lines.map((line, index) => (
          <li key={index} className={`chat-${line.from}`}>
            <span className="chat-text">{linked(line.text)}</span>
            {line.buttons && line.buttons.length > 0 && (
              <span className="chat-buttons">
                {line.buttons.map((button) => (
                  <button key={button.value} type="button" onClick={() => void send(button.value)} disabled={busy}>
                    {button.text}
                  </button>
                ))}
              </span>
            )}
          </li>
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      <form onSubmit={submit} className="chat-form">
        <label className="visually-hidden" htmlFor="chat-input">
          Message
        </label>
        <input
          id="chat-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="e.g. what needs my approval?"
          autoComplete="off"
          maxLength={1024}
        />
        <button type="submit" className="primary" disabled={busy}>
          Send
        </button>
      </form>
    </aside>
  );
}

/** The text with each run id as a link to its run page. */
function linked(text: string) {
  const parts = text.split(RUN_ID);
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={hrefOf({ page: 'run', runId: part })}>
        {part}
      </a>
    ) : (
      <span key={index}>{part}</span>
    ),
  );
}
