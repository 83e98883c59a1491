/** A toggle for an article's bookmark; its name is "Bookmark", or "Bookmark: <title>" in lists. */
export function BookmarkButton(props: { title?: string; pressed: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      class="toggle bookmark"
      aria-pressed={props.pressed}
      aria-label={props.title ? `Bookmark: ${props.title}` : undefined}
      onClick={() => props.onToggle()}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        <path d="M6 3h12v18l-6-4.5L6 21z" />
      </svg>
      Bookmark
    </button>
  );
}
