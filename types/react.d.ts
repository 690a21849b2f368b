// React 19: a type-only `import 'iop-widgets/react'` makes every <iop-*> tag, its attributes and its
// outcome events (`oniop-booking-confirmed`, ...) type-check in TSX. React 19 passes these props to
// custom elements as attributes and event listeners. Hand-written; jsx.d.ts beside it is generated.
import type { CustomElements } from './jsx.js';

declare module 'react' {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}
