/** Keeps a page's rendering error from blanking the console: the navigation and chat stay, the page says what broke. */
import { Component, type ReactNode } from 'react';

type State = { error?: Error };

export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <main>
        <div role="alert" className="problem">
          <p>This page could not be shown: {this.state.error.message}</p>
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
        </div>
      </main>
    );
  }
}
