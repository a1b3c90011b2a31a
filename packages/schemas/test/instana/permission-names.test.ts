import { expect, test } from 'vitest';
import { capabilityNames, limitedScopeNames, permissionNames } from '../../src/instana.js';

// The names as instana/client-python declares them (instana_client/models/api_token.py,
// generated from API 1.316.2780), pasted as written there.
const vendorCan = `canConfigureAgentRunMode, canConfigureAgents, canConfigureAiAgents, canConfigureApdex, canConfigureApiTokens,
canConfigureApplicationSmartAlerts, canConfigureApplications, canConfigureAuthenticationMethods,
canConfigureAutomationActions, canConfigureAutomationPolicies, canConfigureBizops, canConfigureCustomEntities,
canConfigureDatabaseManagement, canConfigureEumApplications, canConfigureEventsAndAlerts,
canConfigureGlobalAlertPayload, canConfigureGlobalApplicationSmartAlerts, canConfigureGlobalInfraSmartAlerts,
canConfigureGlobalLogSmartAlerts, canConfigureGlobalSyntheticSmartAlerts, canConfigureIPFiltering,
canConfigureIntegrations, canConfigureLLM, canConfigureLLMModelPrice, canConfigureLogManagement,
canConfigureLogRetentionPeriod, canConfigureMaintenanceWindows, canConfigureMobileAppMonitoring,
canConfigureMobileAppSmartAlerts, canConfigurePersonalApiTokens,
canConfigurePersonallyIdentifiableInformationMasking, canConfigureReleases,
canConfigureServiceLevelCorrectionWindows, canConfigureServiceLevelSmartAlerts, canConfigureServiceLevels,
canConfigureServiceMapping, canConfigureSessionSettings, canConfigureSubtraces, canConfigureSyntheticCredentials,
canConfigureSyntheticLocations, canConfigureSyntheticTests, canConfigureTeams, canConfigureUsers,
canConfigureWebsiteConversions, canConfigureWebsiteSmartAlerts, canCreateHeapDump, canCreatePublicCustomDashboards,
canCreateThreadDump, canDeleteAutomationActionHistory, canDeleteLogs, canDownloadAgentConfiguration,
canEditAllAccessibleCustomDashboards, canInstallNewAgents, canInvokeAlertChannel, canManuallyCloseIssue,
canRunAutomationActions, canUseSyntheticCredentials, canViewAccountAndBillingInformation, canViewAuditLog,
canViewBizAlerts, canViewBusinessActivities, canViewBusinessProcessDetails, canViewBusinessProcesses,
canViewLogVolume, canViewLogs, canViewSyntheticLocations, canViewSyntheticTestResults, canViewSyntheticTests,
canViewTraceDetails`;

const vendorLimited = `limitedAiGatewayScope, limitedAlertChannelsScope, limitedApplicationsScope, limitedAutomationScope,
limitedBizOpsScope, limitedGenAIScope, limitedInfrastructureScope, limitedKubernetesScope,
limitedLinuxKVMHypervisorScope, limitedLogsScope, limitedMobileAppsScope, limitedNutanixScope,
limitedOpenstackScope, limitedPcfScope, limitedPhmcScope, limitedPvcScope, limitedSAPScope,
limitedServiceLevelScope, limitedSyntheticsScope, limitedVsphereScope, limitedWebsitesScope,
limitedWindowsHypervisorScope, limitedXenServerScope, limitedZhmcScope`;

const split = (list: string) => list.split(/,\s*/).map((name) => name.trim());

test('the 93 names are exactly the vendor list, in its order', () => {
  expect(capabilityNames).toEqual(split(vendorCan));
  expect(limitedScopeNames).toEqual(split(vendorLimited));
  expect(permissionNames).toEqual([...split(vendorCan), ...split(vendorLimited)]);
});

test('93 distinct names: 69 can*, 24 limited*', () => {
  expect(permissionNames).toHaveLength(93);
  expect(new Set(permissionNames).size).toBe(93);
  expect(permissionNames.filter((name) => /^can[A-Z]/.test(name))).toHaveLength(69);
  expect(permissionNames.filter((name) => /^limited[A-Z].*Scope$/.test(name))).toHaveLength(24);
});

test('the casing traps are spelled as the API spells them', () => {
  for (const name of [
    'canConfigureIPFiltering',
    'canConfigureLLM',
    'canConfigureLLMModelPrice',
    'limitedGenAIScope',
    'limitedSAPScope',
    'limitedLinuxKVMHypervisorScope',
    'canConfigureApiTokens',
    'canConfigurePersonalApiTokens',
    'canConfigureBizops',
    'limitedBizOpsScope',
  ]) {
    expect(permissionNames).toContain(name);
  }
  for (const wrong of [
    'canConfigureIpFiltering',
    'canConfigureLlm',
    'limitedGenAiScope',
    'limitedSapScope',
    'limitedLinuxKvmHypervisorScope',
    'canConfigureAPITokens',
    'canConfigurePersonalAPITokens',
    'canConfigureBizOps',
    'limitedBizopsScope',
    'canConfigureServiceLevelIndicators',
    'canCollectNetTraceLogs',
  ]) {
    expect(permissionNames).not.toContain(wrong);
  }
});
