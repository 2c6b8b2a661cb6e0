// The page text helpers live in http, where the IdP error-page readers can use them too; sp-answer.ts reads them here.
export { plain, visibleMarkup } from '../http/page-text';
