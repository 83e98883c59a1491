import { createUniqueId, For, Show } from "solid-js";

export interface ReplyFields {
  comment: string;
  name: string;
  email: string;
  website: string;
}

export type ReplyErrors = Partial<Record<keyof ReplyFields, string>>;

const LABELS: Record<keyof ReplyFields, string> = {
  comment: "Comment",
  name: "Name",
  email: "Email",
  website: "Website",
};
const ORDER = ["comment", "name", "email", "website"] as const;

/** The one-line fields, in order: what each input is (the comment is a textarea of its own). */
const INPUTS = [
  { name: "name", type: "text", autocomplete: "name", required: true },
  { name: "email", type: "email", autocomplete: "email", required: true },
  { name: "website", type: "url", autocomplete: "url", required: false },
] as const;

/** A required field's label: the star is for the eye; `required` tells assistive technology. */
function Required(props: { for: string; text: string }) {
  return (
    <label for={props.for}>
      {props.text}{" "}
      <span class="required" aria-hidden="true">
        *
      </span>
    </label>
  );
}

/**
 * "Leave a Reply": the comment form below an article. Shows the draft's fields as text only,
 * its save status in a polite live region, and another tab's newer text as a choice.
 */
export function ReplyForm(props: {
  fields: ReplyFields;
  limit: number;
  remember: boolean;
  status: string;
  failed: boolean;
  conflictAt?: number;
  canDiscard: boolean;
  localOnly: boolean;
  /** Why the reply cannot be posted, per field (shown after a Post Comment that failed). */
  errors?: ReplyErrors;
  /** Posting: present only when the edition names a comment service. */
  onPost?: () => void;
  posting?: boolean;
  onInput: (name: keyof ReplyFields, value: string) => void;
  onRemember: (on: boolean) => void;
  onDiscard: () => void;
  onKeepMine: () => void;
  onLoadOther: () => void;
}) {
  const id = createUniqueId();
  const length = () => props.fields.comment.length;
  const over = () => length() - props.limit;
  const error = (name: keyof ReplyFields) => props.errors?.[name];
  const problems = () => ORDER.filter((name) => error(name));
  const describedBy = (...ids: (string | false | undefined)[]) =>
    ids.filter(Boolean).join(" ") || undefined;
  const fieldId = (name: keyof ReplyFields) => `${id}-${name}`;
  const errorId = (name: keyof ReplyFields) => `${id}-${name}-error`;
  let summary: HTMLDivElement | undefined;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!props.onPost) return;
    props.onPost();
    // After the parent validated: move focus to the summary when there is something to fix.
    // eslint-disable-next-line solid/reactivity -- read once, after the parent validated
    queueMicrotask(() => problems().length > 0 && summary?.focus());
  };
  const Message = (p: { name: keyof ReplyFields }) => (
    <Show when={error(p.name)}>
      {(message) => (
        <span id={errorId(p.name)} class="reply-error">
          {message()}
        </span>
      )}
    </Show>
  );
  // eslint-disable-next-line solid/reactivity -- an input handler, read on each input
  const field = (name: keyof ReplyFields) => (e: { currentTarget: { value: string } }) =>
    props.onInput(name, e.currentTarget.value);

  return (
    <section class="reply" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Leave a Reply</h2>
      <form onSubmit={submit} novalidate>
        <Show when={problems().length > 0}>
          <div
            class="panel decision reply-summary"
            role="alert"
            tabindex="-1"
            aria-labelledby={`${id}-summary`}
            ref={summary}
          >
            <h3 id={`${id}-summary`}>Your reply cannot be posted yet</h3>
            <ul>
              <For each={problems()}>
                {(name) => (
                  <li>
                    <a
                      href={`#${fieldId(name)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(fieldId(name))?.focus();
                      }}
                    >
                      {LABELS[name]}: {error(name)}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>
        <p class="reply-note">
          Your email address will not be published. Required fields are marked{" "}
          <span class="required">*</span>
        </p>
        <Show when={props.localOnly}>
          <p class="reply-note">
            This edition has no comment service yet: replies are kept on this device as drafts.
          </p>
        </Show>
        <Show when={props.conflictAt !== undefined}>
          <div class="panel decision reply-conflict" role="alert">
            <p>This draft was changed in another tab</p>
            <div class="reply-actions">
              <button type="button" onClick={() => props.onKeepMine()}>
                Keep my text
              </button>
              <button type="button" onClick={() => props.onLoadOther()}>
                Load the other text
              </button>
            </div>
          </div>
        </Show>
        <p class="reply-field">
          <Required for={fieldId("comment")} text={LABELS.comment} />
          <textarea
            id={fieldId("comment")}
            name="comment"
            rows="8"
            required
            aria-required="true"
            aria-invalid={over() > 0 || error("comment") ? "true" : undefined}
            aria-describedby={describedBy(
              error("comment") && errorId("comment"),
              over() > 0 && `${id}-limit`,
            )}
            value={props.fields.comment}
            onInput={field("comment")}
          />
          <Message name="comment" />
          <Show when={length() > props.limit * 0.9}>
            <span class="reply-counter" classList={{ over: over() > 0 }}>
              {length().toLocaleString("en-US")} / {props.limit.toLocaleString("en-US")} characters
            </span>
          </Show>
          <Show when={over() > 0}>
            <span id={`${id}-limit`} class="reply-limit">
              Your comment is {over().toLocaleString("en-US")}{" "}
              {over() === 1 ? "character" : "characters"} over the limit of{" "}
              {props.limit.toLocaleString("en-US")}. All of it is kept in your draft; shorten it
              before posting.
            </span>
          </Show>
        </p>
        <For each={INPUTS}>
          {(input) => (
            <p class="reply-field">
              <Show
                when={input.required}
                fallback={<label for={fieldId(input.name)}>{LABELS[input.name]}</label>}
              >
                <Required for={fieldId(input.name)} text={LABELS[input.name]} />
              </Show>
              <input
                id={fieldId(input.name)}
                name={input.name}
                type={input.type}
                autocomplete={input.autocomplete}
                required={input.required}
                aria-required={input.required ? "true" : undefined}
                aria-invalid={error(input.name) ? "true" : undefined}
                aria-describedby={describedBy(error(input.name) && errorId(input.name))}
                value={props.fields[input.name]}
                onInput={field(input.name)}
              />
              <Message name={input.name} />
            </p>
          )}
        </For>
        <p class="reply-remember">
          <input
            id={`${id}-remember`}
            type="checkbox"
            checked={props.remember}
            onChange={(e) => props.onRemember(e.currentTarget.checked)}
          />
          <label for={`${id}-remember`}>
            Save my name, email, and website in this browser for the next time I comment.
          </label>
        </p>
        <div class="reply-footer">
          <p
            class="reply-status"
            classList={{ failed: props.failed }}
            role="status"
            aria-live="polite"
          >
            {props.status}
          </p>
          <button type="button" onClick={() => props.onDiscard()} disabled={!props.canDiscard}>
            Discard draft
          </button>
          <Show when={props.onPost}>
            <button type="submit" disabled={props.posting}>
              Post Comment
            </button>
          </Show>
        </div>
      </form>
    </section>
  );
}
