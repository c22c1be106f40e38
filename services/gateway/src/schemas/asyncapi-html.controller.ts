import { Controller, Get, Header } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { ASYNCAPI_HTML_FILE } from '@sinergi/contracts';
import { NotFound, Operation } from '@sinergi/platform';

/** The AsyncAPI document rendered for people: one self-contained page that `npm run asyncapi:html` writes. */
@Controller()
export class AsyncApiHtmlController {
  @Get('asyncapi')
  @Operation('asyncapi.page')
  @Header('content-type', 'text/html; charset=utf-8')
  async page(): Promise<string> {
    // Read per request, so a page rendered after the gateway started is served without a restart.
    return readFile(ASYNCAPI_HTML_FILE, 'utf8').catch(() => {
      throw new NotFound({ field: 'asyncapi', rule: 'not-rendered', message: 'the page is not rendered yet; run npm run asyncapi:html' });
    });
  }
}
