import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeployConfig } from './config';
import { createPresentie } from './presentie';

const app = new App();
createPresentie(app, readDeployConfig(app.node));
// Every synth (CI included) stops on an AwsSolutions finding that was not acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
