/** What could not be fetched, said in the words that fit the network state, with a retry. */
export function LoadFailed(props: { online: string; offline: string; onRetry: () => void }) {
  return (
    <div class="body-missing" role="alert">
      <p>{navigator.onLine ? props.online : props.offline}</p>
      <button type="button" onClick={() => props.onRetry()}>
        Try again
      </button>
    </div>
  );
}
