import { useBeforeLeave } from "@solidjs/router";
import { createEffect, createSignal, on, onCleanup, Show, type JSX } from "solid-js";
import { isServer } from "solid-js/web";
import { commentsUrl } from "virtual:offprint/edition";
import { createDraftEditor } from "./draft-editor.ts";
import { beforeReload, draftSaved } from "../../state/offline.ts";
import { notifyFailure } from "../../state/notices.ts";
import { submitReply } from "./outbox.ts";
import { validateReply } from "../../storage/reply-validation.ts";
import { Outbox } from "./Outbox.tsx";
import { COMMENT_LIMIT } from "../../storage/drafts.ts";
import { ReplyForm } from "./ReplyForm.tsx";

/**
 * The reply form of one article, wired to its draft; a new article gets a new editor. The static
 * page of an article (rendered on the server) has no editor, since drafts live in the reader's
 * browser: readers without JavaScript are told why there is no form.
 */
export function ReplyEditor(props: { slug: string; title?: string }) {
  // The static page of an article (rendered on the server) has no editor: drafts live in the
  // reader's browser. Its readers without JavaScript are told why there is no form.
  return (
    <Show
      when={!isServer && props.slug}
      keyed
      fallback={
        <ReplySection>
          <p>Replies need JavaScript: turn it on to write one.</p>
        </ReplySection>
      }
    >
      {(slug) => <Editor slug={slug} title={props.title} />}
    </Show>
  );
}

function Editor(props: { slug: string; title?: string }) {
  // The slug never changes for this component (keyed above), so reading it once is right.
  // eslint-disable-next-line solid/reactivity
  const slug = props.slug;
  // eslint-disable-next-line solid/reactivity -- the title of this slug's article, read once
  const editor = createDraftEditor(slug, props.title);
  useBeforeLeave(() => void editor.flush());
  // An update's "Reload" waits until this draft is written, and goes ahead once a retry writes it.
  onCleanup(beforeReload(() => editor.save()));
  createEffect(on(editor.failed, (failed, was) => was && !failed && draftSaved(), { defer: true }));
  // Messages appear after the first "Post Comment" and follow the text from then on.
  const [checked, setChecked] = createSignal(false);
  const [posting, setPosting] = createSignal(false);
  const errors = () => (checked() ? validateReply(editor.fields(), COMMENT_LIMIT) : undefined);

  async function post(): Promise<void> {
    setChecked(true);
    const found = errors();
    if (posting() || (found && Object.keys(found).length > 0)) return;
    setPosting(true);
    try {
      // The outbox holds the text before the draft lets go of it: never lost in between.
      await submitReply(slug, { ...editor.fields() });
      setChecked(false);
      await editor.posted();
    } catch (err) {
      notifyFailure("Posting the reply", err);
    } finally {
      setPosting(false);
    }
  }

  return (
    <>
      {/* The heading stands while the draft is read, where the static page had it: the app taking
          the static copy's place neither drops nor moves it. */}
      <Show when={editor.ready()} fallback={<ReplySection />}>
        <ReplyForm
          fields={editor.fields()}
          limit={COMMENT_LIMIT}
          remember={editor.remember()}
          status={editor.status()}
          failed={editor.failed()}
          conflictAt={editor.conflict()?.updatedAt}
          canDiscard={editor.canDiscard()}
          localOnly={commentsUrl === ""}
          errors={errors()}
          onPost={commentsUrl === "" ? undefined : () => void post()}
          posting={posting()}
          onInput={editor.edit}
          onRemember={editor.setRemember}
          onDiscard={editor.discard}
          onKeepMine={editor.keepMine}
          onLoadOther={editor.loadTheirs}
        />
      </Show>
      <Outbox slug={slug} />
    </>
  );
}

/** The reply section before there is a form in it: its heading, and why there is no form yet. */
function ReplySection(props: { children?: JSX.Element }) {
  return (
    <section class="reply">
      <h2>Leave a Reply</h2>
      {props.children}
    </section>
  );
}
