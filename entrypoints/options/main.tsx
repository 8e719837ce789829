import { render } from 'preact';

render(<h1>Badge Remover for Zoho Desk</h1>, document.getElementById('app')!);
