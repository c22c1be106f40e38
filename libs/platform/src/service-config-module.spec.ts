import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { serviceConfigModule } from './service';
import { ServiceConfig } from './service-config';

class ExampleConfig extends ServiceConfig {
  EXAMPLE_LIMIT = 7;
}

@Injectable()
class LimitReader {
  constructor(readonly config: ExampleConfig) {}
}

/** A feature module that neither imports nor declares the config. */
@Module({ providers: [LimitReader], exports: [LimitReader] })
class FeatureModule {}

describe('serviceConfigModule', () => {
  it('lets a provider in any module inject the config by its class', async () => {
    const config = Object.assign(new ExampleConfig(), { EXAMPLE_LIMIT: 12 });
    const app = await Test.createTestingModule({ imports: [serviceConfigModule(ExampleConfig, config), FeatureModule] }).compile();
    expect(app.get(LimitReader).config).toBe(config);
    await app.close();
  });
});
