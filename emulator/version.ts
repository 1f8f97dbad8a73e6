/** The only Userflow API version, sent as the `Userflow-Version` header. */
export const USERFLOW_VERSION = '2020-01-03';
