export { UserflowApi } from './credentials/UserflowApi.credentials';
export { Userflow } from './nodes/Userflow/Userflow.node';
export { UserflowTrigger } from './nodes/UserflowTrigger/UserflowTrigger.node';
export { UserflowWebhookTrigger } from './nodes/UserflowWebhookTrigger/UserflowWebhookTrigger.node';
