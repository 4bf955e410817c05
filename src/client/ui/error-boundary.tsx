/** Catches a screen that throws: the data is safe in IndexedDB, so offer a reload, never a blank page. */
import { Component, type ReactNode } from 'react';

type Props = { fallback: (reset: () => void) => ReactNode; resetKey: string; children: ReactNode };
type State = { failed: boolean; key: string };

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    // Navigating elsewhere clears the error.
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown): void {
    console.error('Screen failed', error);
  }

  override render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}
