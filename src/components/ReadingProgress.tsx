import "./ReadingProgress.css";

/** A thin bar along the top of the window: how far through the article the reader is (0–1). */
export function ReadingProgress(props: { value: number }) {
  return (
    <progress
      class="reading-progress"
      max="100"
      value={Math.round(props.value * 100)}
      aria-label="Reading progress"
    />
  );
}
