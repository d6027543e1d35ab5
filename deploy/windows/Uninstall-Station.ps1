<#
.SYNOPSIS
    Removes the Station service and its program files. The data folder (records journal, logs,
    SQLite database, settings) is kept unless -RemoveData is given.
#>
[CmdletBinding()]
param(
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'Station'),
    [string] $DataDir = (Join-Path $env:ProgramData 'Station'),
    [string] $ServiceName = 'Station',
    [switch] $RemoveData
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$service = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($service) {
    if ($service.Status -ne 'Stopped') {
        Stop-Service -Name $ServiceName -Force
        $service.WaitForStatus('Stopped', [TimeSpan]::FromSeconds(60))
    }
    & sc.exe delete $ServiceName | Out-Null
}

$cliDir = Join-Path $InstallDir 'cli'
$path = [Environment]::GetEnvironmentVariable('Path', 'Machine')
[Environment]::SetEnvironmentVariable('Path', (($path -split ';') | Where-Object { $_ -and $_ -ne $cliDir }) -join ';', 'Machine')
Get-NetFirewallRule -DisplayName 'Station' -ErrorAction SilentlyContinue | Remove-NetFirewallRule

if (Test-Path $InstallDir) { Remove-Item -Recurse -Force $InstallDir }
if ($RemoveData -and (Test-Path $DataDir)) {
    Remove-Item -Recurse -Force $DataDir
} elseif (Test-Path $DataDir) {
    Write-Host "Kept $DataDir (records journal, logs, database, settings). -RemoveData deletes it."
}
