import { DEFAULT_PARAMETERS, flagOf, ParameterError, parametersFrom } from './parameters';

describe('scenario parameters', () => {
  it('defaults to the May programme of issue 12', () => {
    expect(parametersFrom([], {})).toEqual(DEFAULT_PARAMETERS);
    expect(DEFAULT_PARAMETERS).toMatchObject({ classes: 625, participants: 10_000, initialTarget: 5_000, classSize: 16 });
    expect(DEFAULT_PARAMETERS.provinces).toBeGreaterThanOrEqual(20);
  });

  it('takes flags before the environment, in both flag forms', () => {
    expect(flagOf('lotteryPool')).toBe('--lottery-pool');
    const parameters = parametersFrom(['--participants', '2000', '--classes=125', '--initial-target', '1000'], { SCENARIO_PARTICIPANTS: '50', SCENARIO_SEED: 'again' });
    expect(parameters).toMatchObject({ participants: 2000, classes: 125, initialTarget: 1000, seed: 'again' });
  });

  it('names every bad value and the rule it breaks', () => {
    const attempt = () => parametersFrom(['--classes', 'many', '--colour', 'red', '--no-show-share', '1.5'], { SCENARIO_LOTTERY_POOL: '10' });
    expect(attempt).toThrow(ParameterError);
    expect(attempt).toThrow(/--classes \(SCENARIO_CLASSES\): must be a whole number of at least 1, got "many"/);
    expect(attempt).toThrow(/--colour: unknown/);
    expect(attempt).toThrow(/--no-show-share \(SCENARIO_NO_SHOW_SHARE\): must be a share/);
    expect(attempt).toThrow(/--lottery-pool: must be larger than the lottery seats/);
  });
});
