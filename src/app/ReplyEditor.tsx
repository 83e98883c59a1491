import { useBeforeLeave } from "@solidjs/router";
import { onCleanup, Show } from "solid-js";
import { commentsUrl } from "virtual:offprint/edition";
import { createDraftEditor } from "./draft-editor.ts";
import { beforeReload } from "./offline.ts";
import { COMMENT_LIMIT } from "../storage/drafts.ts";
import { ReplyForm } from "../components/ReplyForm.tsx";

/** The reply form of one article, wired to its draft; a new article gets a new editor. */
export function ReplyEditor(props: { slug: string }) {
  return (
    <Show when={props.slug} keyed>
      {(slug) => <Editor slug={slug} />}
    </Show>
  );
}

function Editor(props: { slug: string }) {
  // The slug never changes for this component (keyed above), so reading it once is right.
  const editor = createDraftEditor(props.slug);
  useBeforeLeave(() => void editor.flush());
  // An update's "Reload" waits until this draft is written.
  onCleanup(beforeReload(() => editor.flush()));
  return (
    <Show when={editor.ready()}>
      <ReplyForm
        fields={editor.fields()}
        limit={COMMENT_LIMIT}
        remember={editor.remember()}
        status={editor.status()}
        failed={editor.failed()}
        conflictAt={editor.conflict()?.updatedAt}
        canDiscard={editor.canDiscard()}
        localOnly={commentsUrl === ""}
        onInput={editor.edit}
        onRemember={editor.setRemember}
        onDiscard={editor.discard}
        onKeepMine={editor.keepMine}
        onLoadOther={editor.loadTheirs}
      />
    </Show>
  );
}
