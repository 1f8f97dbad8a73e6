/** The jest project's time zone is really in effect (see jest.config.js). */
declare const TEST_TIME_ZONE: string;

const JANUARY_OFFSET_MINUTES: Record<string, number> = { UTC: 0, 'America/New_York': 300, 'Asia/Kolkata': -330 };

it(`runs with the machine in ${TEST_TIME_ZONE}`, () => {
	expect(new Date(2024, 0, 15, 12).getTimezoneOffset()).toBe(JANUARY_OFFSET_MINUTES[TEST_TIME_ZONE]);
});
